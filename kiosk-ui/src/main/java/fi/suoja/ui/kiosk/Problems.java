package fi.suoja.ui.kiosk;

import fi.suoja.ui.server.ServerProblem;

/** Which plain sentence the kiosk shows for a problem the server answered with. */
final class Problems {

    private Problems() {
    }

    static String key(ServerProblem problem) {
        if (problem.rule() != null) {
            return switch (problem.rule()) {
                case "check-in-too-early" -> "problem.tooEarly";
                case "check-in-too-late" -> "problem.tooLate";
                case "not-started" -> "problem.notStarted";
                case "booking-over" -> "problem.over";
                default -> "problem.rule";
            };
        }
        return switch (problem.type()) {
            case "room-taken" -> "problem.notFree";
            case "too-many-attempts" -> "code.tooMany";
            case "booking-not-found" -> "code.wrong";
            default -> "problem.state";
        };
    }
}
