package dev.singletable.engine.value;

/** DynamoDB's attribute type names, spelled as {@code attribute_type()} and the wire format spell them. */
public enum ValueType {
    S,
    N,
    B,
    BOOL,
    NULL,
    M,
    L,
    SS,
    NS,
    BS
}
