package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportResult;
import org.soteria.exchange.ImportService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A force lead opens an import run with rejected rows and downloads its report; the download is audited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"soteria.data-dir=:temporary:browser", "soteria.demo=true", "soteria.demo.crimes=1500",
            "SOTERIA_DEMO_PASSWORD=correct-horse-battery"})
class ImportReportDownloadIT {

    @LocalServerPort
    int port;

    @Autowired
    ImportService imports;

    @Autowired
    AuditService audit;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void signIn(String user) throws Exception {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
        assertThat(m.find()).isTrue();
        String form = "username=" + user + "&password=correct-horse-battery&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theReportOfRejectedRowsDownloadsAsCsv() throws Exception {
        Files.writeString(dir.resolve("cases.csv"), "crime_ref,force_code,offence_code,recorded_date\n"
                + "DL1,NWP,19C,2024-01-01\nDL2,NWP,19C,2024-13-01\n");
        ImportResult run = imports.importBundle(dir, "test", ImportProgress.NONE);

        signIn("force-lead");
        HttpResponse<String> page = get("/imports/" + run.runId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("recorded_date is not a real calendar date", "report.csv");

        HttpResponse<String> csv = get("/imports/" + run.runId() + "/report.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .contains("import-run-" + run.runId() + "-report.csv");
        assertThat(csv.body().split("\n")).containsExactly("file,line,column,value,reason",
                "cases.csv,3,recorded_date,2024-13-01,recorded_date is not a real calendar date");
        assertThat(audit.countFor("import_run", Long.toString(run.runId()), AuditAction.EXPORT)).isOne();

        assertThat(get("/imports/999999/report.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void anInvestigatorCannotOpenImportRuns() throws Exception {
        signIn("investigator");
        assertThat(get("/imports").statusCode()).isEqualTo(403);
    }
}
