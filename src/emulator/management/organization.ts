import { oktaId } from "../../evaluate/oktaIds";
import { Answer, jsonAnswer } from "../answer";
import { EmulatorState } from "../state";

/** `GET /.well-known/okta-organization`: public, and `pipeline: "idx"` says the org runs Identity Engine. */
export function organizationAnswer(state: EmulatorState): Answer {
  return jsonAnswer(200, {
    id: oktaId("00o", state.org.created),
    cell: "emulator",
    _links: { organization: { href: state.url } },
    pipeline: "idx",
    settings: {
      analyticsCollectionEnabled: false,
      bugReportingEnabled: false,
      omEnabled: false,
      pssoEnabled: false,
      desktopMFAEnabled: false,
      itpEnabled: false,
    },
  });
}
