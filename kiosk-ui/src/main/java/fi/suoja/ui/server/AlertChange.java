package fi.suoja.ui.server;

import java.time.Instant;
import java.util.List;

/** A staff alert as the server's alert stream tells it: raised (open) or acknowledged by someone (no longer open). */
public record AlertChange(StaffAlert alert, boolean open) {

    /** An alert as the stream sends it, with its acknowledgement. */
    @ApiSchema("AlertView")
    record Sent(long id, String roomName, AlertCode code, Integer attempts, DoorFailure failure, String subject, String message,
                Instant raisedAt, Instant acknowledgedAt) {

        AlertChange change() {
            return new AlertChange(new StaffAlert(id, roomName, code, attempts, failure, subject, message, raisedAt),
                    acknowledgedAt == null);
        }
    }

    static AlertChange of(String data) {
        return ApiHttp.event(data, Sent.class).change();
    }

    static List<StaffAlert> open(String data) {
        return ApiHttp.events(data, Sent.class).stream().map(sent -> sent.change().alert()).toList();
    }
}
