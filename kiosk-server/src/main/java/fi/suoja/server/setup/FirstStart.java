package fi.suoja.server.setup;

import fi.suoja.server.access.AccessService;
import fi.suoja.server.access.Role;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.room.DailyHours;
import fi.suoja.server.room.Equipment;
import fi.suoja.server.room.RoomService;
import fi.suoja.server.room.RoomView;
import fi.suoja.server.site.BookingRules;
import fi.suoja.server.site.Site;
import fi.suoja.server.site.SiteService;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * On the first start against an empty database: the first admin account, and (unless switched
 * off) a demo library with three rooms and a kiosk, so the system can be tried at once.
 */
@Singleton
class FirstStart implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);
    static final String DEMO_SITE = "Demo Library";

    private final AccessService access;
    private final SiteService sites;
    private final RoomService rooms;
    private final BootstrapConfig config;

    FirstStart(AccessService access, SiteService sites, RoomService rooms, BootstrapConfig config) {
        this.access = access;
        this.sites = sites;
        this.rooms = rooms;
        this.config = config;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        try {
            createAdmin();
            if (config.demo() && sites.all().isEmpty()) {
                createDemoSite();
            }
            createConfiguredKiosk();
        } catch (SuojaException | DataAccessException e) {
            // Another instance did the first start at the same moment: its data stands.
            LOG.info("First-start data exists already: {}", e.getMessage());
        }
    }

    private void createAdmin() {
        if (access.hasAccounts()) {
            return;
        }
        String password = config.adminPassword();
        if (password == null || password.isBlank()) {
            password = readablePassword();
            writePasswordFile(password);
            LOG.warn("Created the first admin account '{}'. Its password is in {}: change it after logging in.",
                    config.adminUsername(), Path.of(config.passwordFile()).toAbsolutePath());
        } else {
            LOG.info("Created the first admin account '{}' with the configured password.", config.adminUsername());
        }
        access.createAccount(config.adminUsername(), password, Role.ADMIN);
    }

    private void createDemoSite() {
        Site site = sites.create(DEMO_SITE, "Europe/Helsinki", BookingRules.defaults(0));
        Map<DayOfWeek, DailyHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, day == DayOfWeek.SUNDAY
                    ? new DailyHours(LocalTime.of(10, 0), LocalTime.of(18, 0))
                    : new DailyHours(LocalTime.of(8, 0), LocalTime.of(20, 0)));
        }
        // Finnish first (the library's first language: what the signs in the building say), then the
        // other kiosk languages, so the demo shows each visitor the rooms in their own language.
        RoomView one = rooms.create(site.id(), new RoomService.RoomDetails("Huone 1", "2. kerros, lehtien vieressä",
                2, true, Set.of(Equipment.COMPUTER, Equipment.WEBCAM, Equipment.HEADSET), "lock-1", true, "sign-1", true,
                Map.of("sv", "Rum 1", "en", "Room 1", "ru", "Комната 1", "et", "Ruum 1", "ar", "الغرفة 1",
                        "so", "Qolka 1", "uk", "Кімната 1"),
                Map.of("sv", "Våning 2, bredvid tidningarna", "en", "2nd floor, next to the newspapers",
                        "ru", "2-й этаж, рядом с газетами", "et", "2. korrus, ajalehtede kõrval",
                        "ar", "الطابق الثاني، بجانب الصحف", "so", "Dabaqa labaad, meel u dhow wargeysyada",
                        "uk", "2-й поверх, біля газет")));
        RoomView two = rooms.create(site.id(), new RoomService.RoomDetails("Huone 2", "1. kerros, neuvonnan takana",
                3, true, Set.of(Equipment.HEADSET), "lock-2", true, "sign-2", true,
                Map.of("sv", "Rum 2", "en", "Room 2", "ru", "Комната 2", "et", "Ruum 2", "ar", "الغرفة 2",
                        "so", "Qolka 2", "uk", "Кімната 2"),
                Map.of("sv", "Våning 1, bakom informationsdisken", "en", "Ground floor, behind the help desk",
                        "ru", "1-й этаж, за стойкой информации", "et", "1. korrus, infoleti taga",
                        "ar", "الطابق الأرضي، خلف مكتب المساعدة", "so", "Dabaqa hoose, gadaasha miiska caawimaadda",
                        "uk", "1-й поверх, за стійкою довідки")));
        RoomView three = rooms.create(site.id(), new RoomService.RoomDetails("Perhehuone", "3. kerros, lastenosasto",
                5, false, Set.of(Equipment.LARGE_SCREEN, Equipment.INDUCTION_LOOP), null, false, "sign-3", true,
                Map.of("sv", "Familjerum", "en", "Family room", "ru", "Семейная комната", "et", "Peretuba",
                        "ar", "غرفة العائلة", "so", "Qolka qoyska", "uk", "Сімейна кімната"),
                Map.of("sv", "Våning 3, barnavdelningen", "en", "3rd floor, children’s section",
                        "ru", "3-й этаж, детский отдел", "et", "3. korrus, lasteosakond",
                        "ar", "الطابق الثالث، قسم الأطفال", "so", "Dabaqa saddexaad, qaybta carruurta",
                        "uk", "3-й поверх, дитячий відділ")));
        for (RoomView room : new RoomView[] {one, two, three}) {
            rooms.setWeeklyHours(room.id(), week);
        }
        LOG.info("Created the demo site '{}' with three rooms", DEMO_SITE);
    }

    /**
     * The kiosk of the configured token, at the demo library, whenever no kiosk has that token yet:
     * so a kiosk token given after the database was made still works. A revoked token stays revoked.
     */
    private void createConfiguredKiosk() {
        String token = config.kioskToken();
        if (token == null || token.isBlank() || access.knowsKioskToken(token.strip())) {
            return;
        }
        sites.all().stream().filter(s -> s.name().equals(DEMO_SITE)).findFirst().ifPresentOrElse(
                site -> {
                    access.createKiosk(site.id(), "Lobby kiosk", token.strip());
                    LOG.info("Created the 'Lobby kiosk' of the configured kiosk token at '{}'", DEMO_SITE);
                },
                () -> LOG.warn("A kiosk token is configured but there is no '{}' to put its kiosk in; "
                        + "an admin can create kiosks at POST /api/v1/kiosks", DEMO_SITE));
    }

    private void writePasswordFile(String password) {
        Path file = Path.of(config.passwordFile());
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, password + System.lineSeparator());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.debug("File system without POSIX permissions: {}", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first admin password to " + file, e);
        }
    }

    /** Sixteen characters from an alphabet without look-alikes: about 80 bits. */
    private static String readablePassword() {
        String alphabet = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
