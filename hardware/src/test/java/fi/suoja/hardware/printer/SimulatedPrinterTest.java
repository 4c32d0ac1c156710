package fi.suoja.hardware.printer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedPrinterTest {

    private final Receipt receipt = new Receipt("Suoja", List.of(
            new Receipt.Line("Booking code", "K7M-4PX-ZQ2"), new Receipt.Line("Door code", "4711")), "K7M4PXZQ2");

    @Test
    void a_ready_printer_keeps_the_receipt_as_text() {
        SimulatedPrinter printer = new SimulatedPrinter();

        assertThat(printer.print(receipt)).isInstanceOf(PrintResult.Printed.class);
        assertThat(printer.lastReceipt()).hasValueSatisfying(text -> assertThat(text)
                .contains("Booking code: K7M-4PX-ZQ2").contains("Door code: 4711").contains("[QR K7M4PXZQ2]"));
    }

    @Test
    void out_of_paper_and_offline_are_answers_not_exceptions_and_print_nothing() {
        SimulatedPrinter printer = new SimulatedPrinter();
        printer.setState(SimulatedPrinter.State.OUT_OF_PAPER);
        assertThat(printer.print(receipt)).isInstanceOf(PrintResult.OutOfPaper.class);
        printer.setState(SimulatedPrinter.State.OFFLINE);
        assertThat(printer.print(receipt)).isInstanceOf(PrintResult.Offline.class);
        assertThat(printer.lastReceipt()).isEmpty();
    }
}
