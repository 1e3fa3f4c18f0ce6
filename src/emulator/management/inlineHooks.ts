import { randomBytes } from "node:crypto";
import { oktaId } from "../../okta/ids";
import { LifecycleStatus } from "../../okta/status";
import { jsonAnswer, noContent } from "../answer";
import { notFound, validationFailed } from "../errors";
import { InlineHook } from "../orgModel";
import { EmulatorState } from "../state";
import { ApiRoute, jsonBody, nowIso, section } from "./api";
import { inlineHookJson, storedChannelConfig } from "./inlineHookShapes";

const hooksOf = (state: EmulatorState): InlineHook[] => (state.org.inlineHooks ??= []);

function hookById(state: EmulatorState, id: string): InlineHook {
  const hook = hooksOf(state).find((h) => h.id === id);
  if (!hook) throw notFound(id, "InlineHook");
  return hook;
}

const text = (value: unknown): string => (typeof value === "string" ? value.trim() : "");

function required(body: Record<string, unknown>, field: string): string {
  const value = text(body[field]);
  if (!value) throw validationFailed(field, [`${field}: The field cannot be left blank`]);
  return value;
}

/** What a create or replace sets; the status is not among them (lifecycle calls move it). */
function hookFields(body: Record<string, unknown>): Pick<InlineHook, "name" | "type" | "version" | "channel"> {
  const channel = section(body.channel);
  if (!text(section(channel.config).uri)) throw validationFailed("channel.config.uri", ["channel.config.uri: The field cannot be left blank"]);
  return {
    name: required(body, "name"),
    type: required(body, "type"),
    version: required(body, "version"),
    channel: { type: text(channel.type) || "HTTP", version: text(channel.version) || "1.0.0", config: storedChannelConfig(section(channel.config)) },
  };
}

export const INLINE_HOOK_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v1/inlineHooks",
    description: "list inline hooks (type)",
    handle: (state, _params, request) => {
      const type = request.query.get("type");
      const hooks = hooksOf(state).filter((h) => !type || h.type === type);
      return jsonAnswer(200, hooks.map((h) => inlineHookJson(state.url, h)));
    },
  },
  {
    method: "POST",
    path: "/api/v1/inlineHooks",
    description: "create an inline hook (ACTIVE)",
    handle: (state, _params, request) => {
      const now = nowIso();
      // Okta creates every hook ACTIVE, whatever `status` the body asks for.
      const hook: InlineHook = { id: oktaId("cal", randomBytes(12).toString("hex")), status: "ACTIVE", ...hookFields(jsonBody(request)), created: now, lastUpdated: now };
      hooksOf(state).push(hook);
      return jsonAnswer(200, inlineHookJson(state.url, hook));
    },
  },
  {
    method: "GET",
    path: "/api/v1/inlineHooks/{inlineHookId}",
    description: "read an inline hook",
    handle: (state, [id]) => jsonAnswer(200, inlineHookJson(state.url, hookById(state, id))),
  },
  {
    method: "PUT",
    path: "/api/v1/inlineHooks/{inlineHookId}",
    description: "replace an inline hook (its status kept)",
    handle: (state, [id], request) => {
      const hook = hookById(state, id);
      Object.assign(hook, hookFields(jsonBody(request)), { lastUpdated: nowIso() });
      return jsonAnswer(200, inlineHookJson(state.url, hook));
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/inlineHooks/{inlineHookId}",
    description: "delete an inline hook",
    handle: (state, [id]) => {
      const hook = hookById(state, id);
      state.org.inlineHooks = hooksOf(state).filter((h) => h !== hook);
      return noContent();
    },
  },
  {
    method: "POST",
    path: "/api/v1/inlineHooks/{inlineHookId}/lifecycle/{action:activate|deactivate}",
    description: "activate or deactivate an inline hook",
    handle: (state, [id, verb]) => {
      const hook = hookById(state, id);
      const status: LifecycleStatus = verb === "activate" ? "ACTIVE" : "INACTIVE";
      Object.assign(hook, { status, lastUpdated: nowIso() });
      return jsonAnswer(200, inlineHookJson(state.url, hook));
    },
  },
];
