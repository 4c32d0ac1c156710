package fi.suoja.server.device;

import fi.suoja.server.db.Tx;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/** Reading the fleet as staff see it, finding a device by id or tag, and telling the live view a device changed. */
@Singleton
class FleetLookup {

    private final DeviceRepository devices;
    private final WipeRecordRepository records;
    private final FleetViews views;
    private final DeviceChanges changes;
    private final Tx tx;

    FleetLookup(DeviceRepository devices, WipeRecordRepository records, FleetViews views, DeviceChanges changes, Tx tx) {
        this.devices = devices;
        this.records = records;
        this.views = views;
        this.changes = changes;
        this.tx = tx;
    }

    List<Views.DeviceView> list(@Nullable Long siteId, @Nullable DeviceState state) {
        return tx.run(() -> views.ofAll(devices.findAllOrderByTag().stream()
                .filter(d -> siteId == null || d.siteId() == siteId)
                .filter(d -> state == null || d.state() == state)
                .toList()));
    }

    Views.DeviceView get(String idOrTag) {
        return tx.run(() -> views.of(find(idOrTag)));
    }

    List<Views.WipeReportView> reports(String idOrTag) {
        return tx.run(() -> records.findByDeviceIdOrderByFinishedAtDesc(find(idOrTag).id()).stream()
                .map(FleetViews::report).toList());
    }

    /** The device with this id, else this tag; inside a transaction. */
    Device find(String idOrTag) {
        return devices.findById(idOrTag).or(() -> devices.findByTag(idOrTag)).orElseThrow(() -> unknown(idOrTag));
    }

    /** The device as it is now, told to the live view. */
    Views.DeviceView announce(String deviceId) {
        Views.DeviceView view = tx.run(() -> views.of(deviceId));
        changes.emit(view);
        return view;
    }

    static SuojaException unknown(String what) {
        return new SuojaException(ProblemType.UNKNOWN_DEVICE, "No device has the tag or id " + what + ".");
    }
}
