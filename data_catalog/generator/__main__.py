"""CLI: python -m data_catalog.generator --scale small --out data/warehouse"""

from data_catalog.generator.driver import main

if __name__ == "__main__":
    main()
