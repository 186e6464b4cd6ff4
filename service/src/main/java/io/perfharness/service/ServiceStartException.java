package io.perfharness.service;

/** The service could not start (database unreachable, port taken...). Exit code 3. */
public final class ServiceStartException extends Exception {
    public ServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
