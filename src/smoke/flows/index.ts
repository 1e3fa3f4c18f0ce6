import { FlowKind } from "../../catalogue/variants";
import { Flow } from "./context";
import { mfaOobFlow } from "./mfaOob";
import { mfaOtpFlow } from "./mfaOtp";
import { oobFlow } from "./oob";
import { otpFlow } from "./otp";

export const FLOWS: Record<FlowKind, Flow> = {
  otp: otpFlow,
  "mfa-otp": mfaOtpFlow,
  oob: oobFlow,
  "mfa-oob": mfaOobFlow,
};
