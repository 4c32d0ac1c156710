package fi.suoja.ui.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** A staff alert as the server's alert stream tells it: raised (open) or acknowledged by someone (no longer open). */
public record AlertChange(StaffAlert alert, boolean open) {

    static AlertChange of(JsonNode a) {
        StaffAlert alert = new StaffAlert(a.path("id").asLong(), ApiHttp.text(a.path("roomName")), a.path("message").asText(),
                ApiHttp.instant(a.path("raisedAt")));
        return new AlertChange(alert, ApiHttp.text(a.path("acknowledgedAt")) == null);
    }

    static List<StaffAlert> open(JsonNode list) {
        List<StaffAlert> alerts = new ArrayList<>();
        list.forEach(a -> alerts.add(of(a).alert()));
        return alerts;
    }
}
