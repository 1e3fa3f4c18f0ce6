import { oktaId } from "../../okta/ids";
import { Answer, jsonAnswer } from "../answer";
import { EmulatorState } from "../state";

/** The org's id, stable for the life of the emulated org. */
export function orgIdOf(state: EmulatorState): string {
  return oktaId("00o", state.org.created);
}

/** `GET /.well-known/okta-organization`: public, and `pipeline: "idx"` says the org runs Identity Engine. */
export function organizationAnswer(state: EmulatorState): Answer {
  return jsonAnswer(200, {
    id: orgIdOf(state),
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
      op4wEnabled: false,
    },
  });
}
