package fi.suoja.ui.staff;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fi.suoja.ui.server.BrokerFiles;
import fi.suoja.ui.server.DeviceKind;
import fi.suoja.ui.server.ProvisionedDevice;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Registering a loan device: its kind and tag. The server answers once with the agent's
 * configuration file (with the device's own broker password and signing key), which this page
 * shows and offers as a download, with a warning that it will not be shown again. Also the broker's
 * password and ACL files of the whole fleet, for an external Mosquitto.
 */
@Route(value = "staff/admin/devices", layout = StaffLayout.class)
public class AdminDevicesView extends AdminPage {

    static final List<String> KINDS = Arrays.stream(DeviceKind.values()).filter(k -> k != DeviceKind.UNKNOWN).map(Enum::name).toList();

    private final Section provisioned = new Section();
    private final Div brokerDownloads = new Div();

    public AdminDevicesView() {
        super("staff.admin.devices.title");
        provisioned.setId("device-provisioned");
        provisioned.addClassName("admin-once");
        provisioned.setVisible(false);
        brokerDownloads.setId("broker-downloads");
        brokerDownloads.addClassName("actions");
    }

    @Override
    void build(StaffSession session) {
        Select<String> kind = new Select<>();
        kind.setId("device-kind");
        kind.setLabel(getTranslation("staff.admin.devices.kind"));
        kind.setItems(KINDS);
        kind.setItemLabelGenerator(k -> getTranslation("staff.kind." + k));
        kind.setValue(DeviceKind.LAPTOP.name());
        TextField tag = new TextField(getTranslation("staff.admin.devices.tag"));
        tag.setId("device-tag");
        tag.setMaxLength(40);
        tag.setHelperText(getTranslation("staff.admin.devices.tagHint"));
        Div fields = new Div(kind, tag);
        fields.addClassName("admin-form");
        Div actions = new Div(Desk.button("device-register", VaadinIcon.PLUS, getTranslation("staff.admin.devices.register"), () -> {
            ProvisionedDevice[] done = new ProvisionedDevice[1];
            if (act("device", () -> done[0] = session.client().registerDevice(session.site().id(), DeviceKind.valueOf(kind.getValue()), tag.getValue().strip()))) {
                show(done[0]);
                tag.clear();
            }
        }));
        actions.addClassName("actions");
        Section register = new Section(new H2(getTranslation("staff.admin.devices.heading")), fields, actions);
        register.setId("device-register-form");

        Section broker = new Section(new H2(getTranslation("staff.admin.broker.heading")),
                new Paragraph(getTranslation("staff.admin.broker.hint")),
                Desk.button("broker-files", VaadinIcon.DOWNLOAD, getTranslation("staff.admin.broker.get"), () -> {
                    BrokerFiles[] files = new BrokerFiles[1];
                    if (act("broker", () -> files[0] = session.client().brokerFiles())) {
                        brokerDownloads.removeAll();
                        brokerDownloads.add(download("broker-password-download", "mosquitto.passwd", files[0].passwordFile(),
                                        getTranslation("staff.admin.broker.passwords")),
                                download("broker-acl-download", "mosquitto.acl", files[0].aclFile(), getTranslation("staff.admin.broker.acl")));
                    }
                }), brokerDownloads);
        broker.setId("broker");
        add(register, provisioned, broker);
    }

    private void show(ProvisionedDevice device) {
        provisioned.removeAll();
        provisioned.setVisible(true);
        String tag = device.device().tag();
        provisioned.add(new H2(getTranslation("staff.admin.devices.registered", tag)));
        if (device.agentConfig() == null) {
            Paragraph none = new Paragraph(getTranslation("staff.admin.devices.noAgent"));
            none.setId("device-no-agent");
            provisioned.add(none);
            done("staff.admin.devices.done", tag);
            return;
        }
        Paragraph warning = new Paragraph(getTranslation("staff.admin.devices.once"));
        warning.setId("device-once-warning");
        warning.addClassName("admin-warning");
        warning.getElement().setAttribute("role", "alert");
        Pre config = new Pre(device.agentConfig());
        config.setId("agent-config");
        config.addClassName(Desk.DATA);
        Pre lines = new Pre(device.mosquittoPasswordLine() + "\n\n" + String.join("\n", device.mosquittoAcl()));
        lines.setId("device-broker-lines");
        lines.addClassName(Desk.DATA);
        Div downloads = new Div(download("agent-config-download", "agent.properties", device.agentConfig(),
                getTranslation("staff.admin.devices.download")));
        downloads.addClassName("actions");
        provisioned.add(warning, downloads, config, new Paragraph(getTranslation("staff.admin.devices.brokerLines")), lines);
        done("staff.admin.devices.done", tag);
    }

    /** A link that downloads {@code content} as the file {@code fileName}. */
    private static Anchor download(String id, String fileName, String content, String words) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event ->
                new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/plain; charset=utf-8", bytes.length)), words);
        link.setId(id);
        link.addClassName("desk-button");
        return link;
    }
}
