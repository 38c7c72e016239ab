"""The electronic extract: a bulletin N°3, N°4 or N°5 handed to the person as a signed, verifiable
document (MyGuichet since 2021). Issue, verify, revoke; rendering, signing and mail are adapters."""
