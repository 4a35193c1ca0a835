package org.soteria.survey;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** Officer surveys: the force lead's waves and results, and the officers' own answering (ADR 42). */
@Component
@ForceMode
class SurveyRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/officer-surveys", Permission.RUN_OFFICER_SURVEYS,
                        "Officer survey waves: send one to teams, see participation"),
                Rule.needs("/officer-surveys/**", Permission.RUN_OFFICER_SURVEYS,
                        "A wave's anonymous results (groups of five or more), closing it, focus groups' themes"),
                Rule.needs("/surveys", Permission.ANSWER_OFFICER_SURVEYS, "The officer surveys open to you"),
                Rule.needs("/surveys/**", Permission.ANSWER_OFFICER_SURVEYS, "Answer an officer survey, anonymously"));
    }
}
