package org.soteria.network;

import java.util.List;
import org.soteria.platform.HubMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** The learning network hub: its pages and the API forces send signed files to. */
@Component
@HubMode
class HubRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/hub", Permission.USE_NETWORK, "The learning network hub: the comparison for your force "
                        + "(the national team: every force)"),
                Rule.needs("/hub/comparison.*", Permission.USE_NETWORK, "The comparison as CSV or XLSX, as the page "
                        + "shows it to you (logged)"),
                Rule.needs("/hub/practice", Permission.USE_NETWORK, "The practice library: search promising practice"),
                Rule.needs("/hub/practice/moderation", Permission.MODERATE_NETWORK, "Practice and comments awaiting "
                        + "moderation"),
                Rule.needs("/hub/practice/*/moderation", Permission.MODERATE_NETWORK, "Publish or return practice; hide "
                        + "a comment"),
                Rule.needs("/hub/practice/**", Permission.USE_NETWORK, "Publish practice, read it, comment, mark "
                        + "\"we are trying this\", download its attachments"),
                Rule.needs("/hub/upload", Permission.UPLOAD_NETWORK_FILES, "Upload a force's signed file where its "
                        + "network blocks calls out"),
                Rule.needs("/hub/frameworks.json", Permission.UPLOAD_NETWORK_FILES, "Download the national frameworks "
                        + "file, signed, for a force that cannot call the hub"),
                Rule.needs("/hub/catalogue.json", Permission.UPLOAD_NETWORK_FILES, "Download the national training "
                        + "catalogue's latest version, signed, for a force that cannot call the hub"),
                Rule.needs("/hub/guidance.json", Permission.UPLOAD_NETWORK_FILES, "Download the practice library's latest "
                        + "version as national guidance, signed, for a force that cannot call the hub"),
                Rule.needs("/hub/courses", Permission.MODERATE_NETWORK, "The national training catalogue and its published "
                        + "versions"),
                Rule.needs("/hub/courses/**", Permission.MODERATE_NETWORK, "Add or change a national course; publish the "
                        + "catalogue as a new version"),
                Rule.needs("/hub/notices/*", Permission.UPLOAD_NETWORK_FILES, "Download a force's signed notices file"),
                Rule.needs("/hub/forces", Permission.MODERATE_NETWORK, "Forces registered with the hub, and requests to "
                        + "join"),
                Rule.needs("/hub/forces/**", Permission.MODERATE_NETWORK, "A force: approve or refuse its registration, "
                        + "set its peer group and the day it joined, see what it has sent"),
                Rule.needs("/hub/maturity", Permission.MODERATE_NETWORK, "The maturity heat map (pillar by force, "
                        + "and its change since each force's previous cycle) and improvement plans across forces"),
                Rule.needs("/hub/maturity.*", Permission.MODERATE_NETWORK, "Download forces' maturity and plan "
                        + "progress as CSV or XLSX"),
                Rule.needs("/hub/evaluation", Permission.MODERATE_NETWORK, "Evaluation across forces: forces that "
                        + "joined Operation Soteria against forces not yet joined (staggered difference-in-differences)"),
                Rule.needs("/hub/receipts", Permission.MODERATE_NETWORK, "Every file received, accepted or refused with "
                        + "the reason"),
                Rule.signedFile("/api/v1/network/hub", "Hub API: the hub's public key, for forces to check its files"),
                Rule.signedFile("/api/v1/network/frameworks", "Hub API: the national assessment frameworks and case "
                        + "file review templates, signed by the hub, for forces to take"),
                Rule.signedFile("/api/v1/network/catalogue", "Hub API: the national training catalogue's latest "
                        + "version, signed by the hub, for forces to take"),
                Rule.signedFile("/api/v1/network/guidance", "Hub API: the practice library's latest version as national "
                        + "guidance, signed by the hub, for forces to take"),
                Rule.signedFile("/api/v1/network/registrations", "Hub API: a force asks to join (waits for the national "
                        + "team's approval)"),
                Rule.signedFile("/api/v1/network/envelopes", "Hub API: a force's signed file (benchmark, encodings, "
                        + "request for notices, progress), checked against its registered key"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("hub", "nav.hub", 10, Permission.USE_NETWORK, "/hub"),
                NavItem.of("practice", "nav.practice", 20, Permission.USE_NETWORK, "/hub/practice"),
                NavItem.of("hub-maturity", "nav.hubMaturity", 25, Permission.MODERATE_NETWORK, "/hub/maturity"),
                NavItem.of("hub-evaluation", "nav.hubEvaluation", 27, Permission.MODERATE_NETWORK, "/hub/evaluation"),
                NavItem.of("hub-forces", "nav.hubForces", 30, Permission.MODERATE_NETWORK, "/hub/forces"),
                NavItem.of("hub-courses", "nav.hubCourses", 35, Permission.MODERATE_NETWORK, "/hub/courses"),
                NavItem.of("hub-receipts", "nav.hubReceipts", 40, Permission.MODERATE_NETWORK, "/hub/receipts"),
                NavItem.of("hub-upload", "nav.hubUpload", 50, Permission.UPLOAD_NETWORK_FILES, "/hub/upload"));
    }
}
