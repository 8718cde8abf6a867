"""Who may see what: identities, local accounts, sessions, OIDC claim mapping and the audit trail.

Core code (no Streamlit): the router and pages use it through `components/auth_ui.py`. Accounts,
sessions and the audit log live in the operational store (`store/`), never in the warehouse.
"""
