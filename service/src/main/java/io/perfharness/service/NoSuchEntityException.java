package io.perfharness.service;

/** A request referred to something that does not exist; the response is 404 naming the field. */
public final class NoSuchEntityException extends RuntimeException {
    private final String field;
    private final String value;

    public NoSuchEntityException(String field, Object value, String message) {
        super(message);
        this.field = field;
        this.value = String.valueOf(value);
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
