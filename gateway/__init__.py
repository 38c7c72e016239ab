"""ecris-gateway core: the model, the law and the use cases. No I/O, no frameworks."""
