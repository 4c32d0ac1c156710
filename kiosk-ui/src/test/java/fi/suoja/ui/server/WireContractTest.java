package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The UI's copy of the API against the server's own OpenAPI document: every record and enum that
 * {@link ApiHttp} reads from the server names its schemas ({@link ApiSchema}), and the document
 * has each of its properties and exactly its constants. A property renamed or a constant added on
 * the server fails here, at build time, instead of turning into {@code null} or {@code UNKNOWN} on a desk.
 */
class WireContractTest {

    /** Types of this package that are not read from the server as they are, and why. */
    private static final Map<Class<?>, String> NOT_READ = Map.of(
            RoomTexts.class, "made from the name and texts of a room view",
            RoomChoice.class, "made from FreeRoom and Available",
            SiteNow.class, "made from SiteNow.Answer",
            CalendarLink.class, "made from CalendarLink.Answer",
            Room.class, "made from RoomView",
            AdminRoom.class, "made from RoomView",
            AdminRoom.Details.class, "made from RoomView; also what an admin sends",
            ApiHttp.Answer.class, "an HTTP answer, not a body",
            ApiHttp.Problem.class, "problem+json, which the document does not describe",
            AlertChange.class, "made from AlertChange.Sent");

    private static OpenApiDocument document;

    @BeforeAll
    static void read() {
        document = OpenApiDocument.ofServerJar();
    }

    @Test
    void every_record_and_enum_the_ui_reads_matches_the_servers_openapi_document() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : packageTypes()) {
            if (!type.isRecord() && !type.isEnum()) {
                continue;
            }
            if (type.isAnnotationPresent(ApiSchema.class)) {
                problems.addAll(document.problems(type));
                checked++;
            } else if (!NOT_READ.containsKey(type)) {
                problems.add(type.getName() + " names no schema: add @ApiSchema, or say in NOT_READ why it is not read from the server");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("types checked").isGreaterThan(30);
    }

    // ---- the check itself can fail ----

    @ApiSchema("Views.DeviceView")
    record RenamedProperty(String id, String tagName) {
    }

    @ApiSchema("Views.DeviceView")
    record OptionalAsPrimitive(String id, int batteryPercent) {
    }

    @ApiSchema("Views.DeviceView")
    record WrongNestedSchema(String id, Device.Wipe loan) {
    }

    @ApiSchema("Views.DeviceView")
    record ListOfWrongSchema(String id, List<Device.Loan> actions) {
    }

    @ApiSchema("NoSuchSchema")
    record UnknownSchema(String id) {
    }

    @ApiSchema("DeviceState")
    enum ConstantTheServerLacks { PROVISIONED, READY, ON_LOAN, WIPE_PENDING, WIPING, WIPE_FAILED, FAULTY, RETIRED, LOST }

    @ApiSchema("DeviceState")
    enum LacksAServerConstant { PROVISIONED, READY, ON_LOAN, WIPE_PENDING, WIPING, WIPE_FAILED, FAULTY, @JsonEnumDefaultValue UNKNOWN }

    @Test
    void a_property_the_document_lacks_fails() {
        assertThat(document.problems(RenamedProperty.class)).singleElement().asString()
                .contains("RenamedProperty.tagName").contains("no property tagName");
    }

    @Test
    void a_primitive_for_an_optional_property_fails() {
        assertThat(document.problems(OptionalAsPrimitive.class)).singleElement().asString()
                .contains("batteryPercent cannot be null");
    }

    @Test
    void a_nested_record_of_another_schema_fails() {
        assertThat(document.problems(WrongNestedSchema.class)).singleElement().asString()
                .contains("loan is a Wipe (Views.WipeView)").contains("Views.LoanView");
        assertThat(document.problems(ListOfWrongSchema.class)).singleElement().asString()
                .contains("actions[] is a Loan").contains("StaffAction");
    }

    @Test
    void a_schema_the_document_lacks_fails() {
        assertThat(document.problems(UnknownSchema.class)).singleElement().asString().contains("no schema NoSuchSchema");
    }

    @Test
    void an_enum_constant_the_server_lacks_or_one_the_ui_lacks_fails() {
        assertThat(document.problems(ConstantTheServerLacks.class)).singleElement().asString()
                .contains("ConstantTheServerLacks.LOST is not a constant of DeviceState");
        assertThat(document.problems(LacksAServerConstant.class)).singleElement().asString()
                .contains("lacks the server's constant RETIRED");
    }

    @Test
    void a_record_without_a_schema_fails() {
        record Unnamed(String id) {
        }
        assertThat(document.problems(Unnamed.class)).singleElement().asString().contains("names no schema");
    }

    // ---- what the UI does with what a newer server may send ----

    @Test
    void a_constant_from_a_newer_server_reads_as_unknown_and_an_unknown_action_gives_no_button() throws Exception {
        Device device = ApiHttp.JSON.readValue("""
                {"id":"lap-1","tag":"L-1","kind":"TABLET","siteId":1,"state":"LOST","stateChangedAt":"2026-12-06T10:00:00Z",
                 "agentManaged":true,"online":false,"session":0,"actions":["WIPE","TELEPORT"],"someNewField":1}""", Device.class);
        assertThat(device.kind()).isEqualTo(DeviceKind.UNKNOWN);
        assertThat(device.state()).isEqualTo(DeviceState.UNKNOWN);
        assertThat(device.actions()).containsExactly(StaffAction.WIPE, StaffAction.UNKNOWN);
        assertThat(device.allows(StaffAction.WIPE)).isTrue();
    }

    @Test
    void equipment_from_a_newer_server_is_left_out() throws Exception {
        RoomChoice.FreeRoom room = ApiHttp.JSON.readValue("""
                {"roomId":1,"name":"Huone","place":"","names":{},"places":{},"capacity":2,"stepFree":true,
                 "equipment":["WEBCAM","HOLOGRAM"],"start":"2026-12-06T10:00:00Z","maxMinutes":60}""", RoomChoice.FreeRoom.class);
        assertThat(room.choice().equipment()).containsExactly(Equipment.WEBCAM);
    }

    @Test
    void a_whole_number_the_server_leaves_out_is_an_error_not_a_zero() {
        ApiHttp.Answer answer = new ApiHttp.Answer("GET /api/v1/kiosks/me", 200, "{\"id\":3,\"name\":\"Lobby\"}");
        assertThatThrownBy(() -> answer.as(KioskIdentity.class)).isInstanceOf(ServerUnreachable.class)
                .hasMessageContaining("siteId");
    }

    private static List<Class<?>> packageTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ApiSchema.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = ApiSchema.class.getPackageName();
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString();
                types.add(Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()), false,
                        WireContractTest.class.getClassLoader()));
            }
        }
        assertThat(types).as("classes of " + pkg + " in " + root).isNotEmpty();
        return types;
    }

}
