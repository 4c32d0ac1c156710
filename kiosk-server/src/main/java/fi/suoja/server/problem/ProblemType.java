package fi.suoja.server.problem;

import io.micronaut.http.HttpStatus;

/**
 * Every kind of error the API answers with. The {@code type} URNs are part of the API and never
 * change; clients (the kiosk UI) choose their plain-language message by them.
 */
public enum ProblemType {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid."),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "malformed-body", "The request body could not be read."),
    NOT_LOGGED_IN(HttpStatus.UNAUTHORIZED, "not-logged-in", "Log in first."),
    NOT_ALLOWED(HttpStatus.FORBIDDEN, "not-allowed", "You may not do this."),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found."),
    BOOKING_NOT_FOUND(HttpStatus.NOT_FOUND, "booking-not-found", "No booking matches this code."),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "This address does not take that method."),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Send JSON."),
    BODY_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large", "The request is too large."),
    ROOM_TAKEN(HttpStatus.CONFLICT, "room-taken", "The room is already booked at that time."),
    WRONG_BOOKING_STATE(HttpStatus.CONFLICT, "wrong-booking-state", "The booking cannot do this now."),
    ALREADY_EXISTS(HttpStatus.CONFLICT, "already-exists", "This already exists."),
    BOOKING_RULE(HttpStatus.UNPROCESSABLE_ENTITY, "booking-rule", "The booking breaks a rule of the library."),
    CARD_LIMIT(HttpStatus.CONFLICT, "card-limit", "This library card has as many bookings as it may have."),
    UNKNOWN_DEVICE(HttpStatus.NOT_FOUND, "unknown-device", "No device has this tag or id."),
    DEVICE_NOT_READY(HttpStatus.CONFLICT, "device-not-ready", "The device cannot be handed out now."),
    /** The server's row says READY, but the laptop's agent last said it is in a session, wiping or dirty. */
    DEVICE_NOT_CLEAN(HttpStatus.CONFLICT, "device-not-clean", "The laptop has not reported a verified wipe."),
    DEVICE_BUSY(HttpStatus.CONFLICT, "device-busy", "The device changed at the same moment. Try again."),
    WRONG_DEVICE_STATE(HttpStatus.CONFLICT, "wrong-device-state", "The device cannot do this in its current state."),
    LOCK_UNREACHABLE(HttpStatus.BAD_GATEWAY, "lock-unreachable", "The door lock did not open."),
    TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many wrong codes. Wait a moment."),
    SERVER_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "server-error", "Something went wrong on the server.");

    private static final String PREFIX = "urn:suoja:problem:";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public String title() {
        return title;
    }

    /** The problem that fits an HTTP error the framework raised before our code ran. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> NOT_LOGGED_IN;
            case 403 -> NOT_ALLOWED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> BODY_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 409 -> WRONG_BOOKING_STATE;
            case 429 -> TOO_MANY_ATTEMPTS;
            default -> SERVER_ERROR;
        };
    }
}
