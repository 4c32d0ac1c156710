package fi.suoja.ui.kiosk;

import fi.suoja.ui.server.ServerProblem;

/**
 * The server's problem slugs the kiosk decides by: a broken booking rule by the rule's slug, any
 * other refusal by its problem type. Slugs the kiosk has no words of its own for are
 * {@link #OTHER_RULE} or {@link #OTHER}.
 */
enum Problem {
    // booking rules (problem type booking-rule)
    CHECK_IN_TOO_EARLY("check-in-too-early"),
    CHECK_IN_TOO_LATE("check-in-too-late"),
    NOT_STARTED("not-started"),
    BOOKING_OVER("booking-over"),
    CARD_REQUIRED("card-required"),
    CARD_INVALID("card-invalid"),
    IN_THE_PAST("in-the-past"),
    OTHER_RULE(null),
    // problem types
    ROOM_TAKEN("room-taken"),
    CARD_LIMIT("card-limit"),
    TOO_MANY_ATTEMPTS("too-many-attempts"),
    BOOKING_NOT_FOUND("booking-not-found"),
    OTHER(null);

    private final String slug;

    Problem(String slug) {
        this.slug = slug;
    }

    static Problem of(ServerProblem problem) {
        return problem.rule() != null ? find(problem.rule(), true) : find(problem.type(), false);
    }

    private static Problem find(String slug, boolean rule) {
        for (Problem each : values()) {
            if (each.slug != null && each.slug.equals(slug) && each.rule() == rule) {
                return each;
            }
        }
        return rule ? OTHER_RULE : OTHER;
    }

    /** Whether this is a broken booking rule, not another kind of refusal. */
    boolean rule() {
        return switch (this) {
            case CHECK_IN_TOO_EARLY, CHECK_IN_TOO_LATE, NOT_STARTED, BOOKING_OVER, CARD_REQUIRED, CARD_INVALID, IN_THE_PAST,
                 OTHER_RULE -> true;
            case ROOM_TAKEN, CARD_LIMIT, TOO_MANY_ATTEMPTS, BOOKING_NOT_FOUND, OTHER -> false;
        };
    }

    /** The translation key of the plain sentence a booking's screen shows for this. */
    String key() {
        return switch (this) {
            case CHECK_IN_TOO_EARLY -> "problem.tooEarly";
            case CHECK_IN_TOO_LATE -> "problem.tooLate";
            case NOT_STARTED -> "problem.notStarted";
            case BOOKING_OVER -> "problem.over";
            case CARD_REQUIRED, CARD_INVALID, IN_THE_PAST, OTHER_RULE -> "problem.rule";
            case ROOM_TAKEN -> "problem.notFree";
            case TOO_MANY_ATTEMPTS -> "code.tooMany";
            case BOOKING_NOT_FOUND -> "code.wrong";
            case CARD_LIMIT, OTHER -> "problem.state";
        };
    }
}
