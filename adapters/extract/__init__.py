"""The electronic extract's adapters: French composition, PDF, QR code, Ed25519 signing, e-mail, web check."""
