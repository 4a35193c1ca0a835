package org.soteria.casework;

import java.util.List;
import org.springframework.ui.Model;

/** What the officer's and the prosecutor's CPS pages both offer: who does an action, who took part in engagement. */
final class CpsPages {

    private CpsPages() {
    }

    static void choices(Model model) {
        model.addAttribute("actionSides", List.of(Codes.Side.POLICE, Codes.Side.CPS));
        model.addAttribute("parties", Codes.Party.values());
        model.addAttribute("starters", Codes.Side.values());
    }
}
