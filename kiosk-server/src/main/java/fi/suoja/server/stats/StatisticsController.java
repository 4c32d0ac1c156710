package fi.suoja.server.stats;

import fi.suoja.server.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;
import java.util.Locale;

/** A site's statistics for staff: as JSON, as CSV for a spreadsheet (see {@link StatisticsCsv}), or as SVG pictures. */
@Controller("/api/v1")
@Secured(Role.STAFF_ROLE)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class StatisticsController {

    static final String CSV = "text/csv; charset=utf-8";
    static final String SVG = "image/svg+xml; charset=utf-8";

    private final StatisticsService statistics;

    StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    /**
     * Local days {@code from..to} of the site, both included, at most a year; room names in the
     * language {@code lang} (the library's first language's where a room has none in it).
     */
    @Get("/sites/{siteId}/statistics")
    Statistics json(long siteId, @QueryValue LocalDate from, @QueryValue LocalDate to,
                    @Nullable @QueryValue @Pattern(regexp = "[a-z]{2,3}") String lang) {
        return statistics.of(siteId, from, to, lang);
    }

    /**
     * One of the statistics as an SVG picture ({@code occupancy}, {@code bookings}, {@code loans},
     * {@code wipes}), for the same days; weekday names and numbers in the language {@code lang}.
     * The picture's numbers are in the JSON too, for a table beside it.
     */
    @Get(value = "/sites/{siteId}/statistics/{chart}.svg", produces = {SVG, MediaType.APPLICATION_JSON})
    HttpResponse<String> chart(long siteId, String chart, @QueryValue LocalDate from, @QueryValue LocalDate to,
                               @Nullable @QueryValue @Pattern(regexp = "[a-z]{2,3}") String lang) {
        StatisticsChart which = StatisticsChart.named(chart);
        String svg = StatisticsCharts.draw(which, statistics.of(siteId, from, to, lang), Locale.forLanguageTag(lang == null ? "en" : lang));
        return HttpResponse.ok(svg).contentType(MediaType.of(SVG));
    }

    @Get(value = "/sites/{siteId}/statistics.csv", produces = {CSV, MediaType.APPLICATION_JSON})
    HttpResponse<String> csv(long siteId, @QueryValue LocalDate from, @QueryValue LocalDate to,
                             @Nullable @QueryValue @Pattern(regexp = "[a-z]{2,3}") String lang) {
        String body = StatisticsCsv.of(statistics.of(siteId, from, to, lang));
        return HttpResponse.ok(body)
                .contentType(MediaType.of(CSV))
                .header("Content-Disposition", "attachment; filename=\"suoja-statistics-site-" + siteId + "-" + from + "-to-" + to + ".csv\"");
    }
}
