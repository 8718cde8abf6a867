"""Model plumbing shared by every service (no service imports another service; all import this)."""
