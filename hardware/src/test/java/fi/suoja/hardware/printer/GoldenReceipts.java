package fi.suoja.hardware.printer;

import java.util.List;
import java.util.Map;

/** The receipts whose ESC/POS bytes are kept as golden files, one per script case, with the printer each is printed on. */
final class GoldenReceipts {

    record Case(Receipt receipt, EscPosConfig printer) {
    }

    static final String BOOKING_CODE = "K7M-4PX-ZQ2";

    static final Receipt ENGLISH = new Receipt("Suoja – Main Library", List.of(
            new Receipt.Line("Room", "Quiet room 2"),
            new Receipt.Line("Place", "2nd floor, behind the newspapers"),
            new Receipt.Line("Time", "Wed 25.11. 14:00–15:30"),
            new Receipt.Line("Booking code", BOOKING_CODE),
            new Receipt.Line("Door code", "482913")), BOOKING_CODE)
            .withNextStep("Go to the room at 14:00 and type the door code on the lock.");

    static final Receipt FINNISH = new Receipt("Suoja – Pääkirjasto", List.of(
            new Receipt.Line("Huone", "Hiljainen huone 2"),
            new Receipt.Line("Paikka", "2. kerros, lehtien takana"),
            new Receipt.Line("Aika", "ke 25.11. 14.00–15.30"),
            new Receipt.Line("Varauskoodi", BOOKING_CODE),
            new Receipt.Line("Ovikoodi", "482913")), BOOKING_CODE)
            .withNextStep("Mene huoneeseen klo 14.00 ja näppäile ovikoodi lukkoon.");

    static final Receipt RUSSIAN = new Receipt("Suoja – Главная библиотека", List.of(
            new Receipt.Line("Комната", "Тихая комната 2"),
            new Receipt.Line("Место", "2-й этаж, за газетами"),
            new Receipt.Line("Время", "ср 25.11. 14:00–15:30"),
            new Receipt.Line("Код брони", BOOKING_CODE),
            new Receipt.Line("Код двери", "482913")), BOOKING_CODE)
            .withNextStep("Приходите в 14:00 и наберите код двери на замке.");

    static final Receipt ARABIC = new Receipt("Suoja – المكتبة الرئيسية", List.of(
            new Receipt.Line("الغرفة", "الغرفة الهادئة 2"),
            new Receipt.Line("المكان", "الطابق الثاني، خلف الصحف"),
            new Receipt.Line("التاريخ", "الأربعاء 25.11.2026"),
            new Receipt.Line("الوقت", "14:00–15:30"),
            new Receipt.Line("رمز الحجز", BOOKING_CODE),
            new Receipt.Line("رمز الباب", "482913")), BOOKING_CODE)
            .withNextStep("اذهب إلى الغرفة الساعة 14:00 وأدخل رمز الباب في القفل.");

    /**
     * File name (without .bin) to case: the receipts that print as text. Receipts printed as
     * pictures are left out, since their dots depend on the version of the font installed; their
     * shape is checked in EscPosEncoderTest.
     */
    static final Map<String, Case> CASES = Map.of(
            "english-58mm", new Case(ENGLISH, new EscPosConfig(List.of(CodePage.PC437), 32, 5)),
            "finnish", new Case(FINNISH, EscPosConfig.latinOnly()),
            "russian-on-cyrillic-printer", new Case(RUSSIAN, EscPosConfig.withCyrillic()));

    private GoldenReceipts() {
    }
}
