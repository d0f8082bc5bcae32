package com.example.clientapp;

/** The provider could not be reached, or answered something this app cannot read. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
