package org.soteria.cli;

import java.util.HashMap;
import java.util.Map;
import org.soteria.SoteriaApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application context for a subcommand: with the web server for serve, without it for batch work. */
final class Contexts {

    private Contexts() {
    }

    static ConfigurableApplicationContext batch(String dataDir) {
        Map<String, Object> props = new HashMap<>();
        props.put("logging.level.root", "WARN");
        props.put("logging.level.io.zonky", "WARN");
        props.put("spring.main.log-startup-info", "false");
        return new SpringApplicationBuilder(SoteriaApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(props)
                .run("--soteria.data-dir=" + dataDir);
    }

    /** Options given on the command line outrank application.properties, as Spring's own arguments do. */
    static ConfigurableApplicationContext serve(String dataDir, int port, boolean demo, String mode) {
        return new SpringApplicationBuilder(SoteriaApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--soteria.data-dir=" + dataDir, "--server.port=" + port, "--soteria.demo=" + demo,
                        "--soteria.mode=" + mode);
    }
}
