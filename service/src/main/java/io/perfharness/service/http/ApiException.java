package io.perfharness.service.http;

/** A request the service refuses, answered with {@code status} and an {@link ApiError}. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String field;
    private final String value;

    public ApiException(int status, String error, String field, String value) {
        super(error);
        this.status = status;
        this.field = field;
        this.value = value;
    }

    public static ApiException badRequest(String error, String field, Object value) {
        return new ApiException(400, error, field, value == null ? null : String.valueOf(value));
    }

    public int status() {
        return status;
    }

    public ApiError toError() {
        return new ApiError(getMessage(), field, value);
    }
}
