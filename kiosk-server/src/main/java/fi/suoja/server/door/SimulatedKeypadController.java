package fi.suoja.server.door;

import fi.suoja.hardware.door.LockId;
import fi.suoja.hardware.door.SimulatedDoorLock;
import fi.suoja.server.access.Role;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomService;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The keypads of the simulated locks (only there when {@code suoja.hardware.locks} is
 * {@code simulated}): staff type a code on a room's door as a visitor would, to try the one-box
 * demo end to end and for tests against a running server. The lock opens for a code it holds and
 * reports the slot, which checks the booking in as a real keypad lock's report does.
 */
@Controller("/api/v1")
@Secured(Role.STAFF_ROLE)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = SimulatedDoorLock.class)
class SimulatedKeypadController {

    private final RoomService rooms;
    private final SimulatedDoorLock locks;

    SimulatedKeypadController(RoomService rooms, SimulatedDoorLock locks) {
        this.rooms = rooms;
        this.locks = locks;
    }

    @Serdeable
    record Typed(@NotNull @Pattern(regexp = "[0-9]{4,8}") String code) {
    }

    @Serdeable
    record Keypad(boolean opened) {
    }

    /** Types the code on the keypad of the room's simulated lock; answers whether the door opened. */
    @Post("/rooms/{id}/lock/keypad")
    Keypad type(long id, @Body @Valid Typed body) {
        Room room = rooms.get(id);
        if (room.doorLockId() == null || !room.keypad()) {
            throw new SuojaException(ProblemType.NOT_FOUND, "This room has no keypad lock.");
        }
        return new Keypad(locks.typeOnKeypad(new LockId(room.doorLockId()), body.code()));
    }
}
