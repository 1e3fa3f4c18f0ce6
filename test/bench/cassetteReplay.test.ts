import { describe, expect, it } from "vitest";
import { preexistingObjects, recordedObjects } from "../../bench/lib/cassetteReplay";

const ORG = "https://classic-00.example.okta.com";
const EVERYONE = "00gnkw1sdqL30MdGk1d7";
const KEPT_POLICY = "00ppe8c4f0jC1KpxX1d7";
const NEW_RULE = "0prpe8zkjiT0ZYoLP1d7";

const get = (path: string, body: unknown) => ({ request: { method: "GET", url: `${ORG}${path}` }, response: { code: 200, body: JSON.stringify(body) } });
const everyone = { id: EVERYONE, type: "BUILT_IN", profile: { name: "Everyone" } };
const keptPolicy = { id: KEPT_POLICY, type: "OKTA_SIGN_ON", name: "kept", conditions: { people: { groups: { include: [EVERYONE] } } } };

/** Another cassette of the same org, which read both objects. */
const elsewhere = [get("/api/v1/groups?q=Everyone", [everyone]), get(`/api/v1/policies/${KEPT_POLICY}`, keptPolicy)];

describe("whole-cassette replay: the recorded org's prior objects", () => {
  it("indexes objects by id from reads and lists, with the collection each lives in", () => {
    const known = recordedObjects([elsewhere]);
    expect(known.get(EVERYONE)).toEqual({ collection: "/api/v1/groups", recorded: everyone });
    expect(known.get(KEPT_POLICY)).toEqual({ collection: "/api/v1/policies", recorded: keptPolicy });
  });

  it("finds an object a request names before any answer gave it, after what it names, at the interaction naming it", () => {
    const cassette = [
      get("/.well-known/okta-organization", { id: "00otp3dizx2aP6cf41d7" }),
      {
        request: { method: "POST", url: `${ORG}/api/v1/policies/${KEPT_POLICY}/rules`, body: JSON.stringify({ type: "SIGN_ON", name: "r" }) },
        response: { code: 200, body: JSON.stringify({ id: NEW_RULE }) },
      },
      get(`/api/v1/policies/${KEPT_POLICY}/rules/${NEW_RULE}`, { id: NEW_RULE }),
    ];
    const prior = preexistingObjects(cassette, recordedObjects([elsewhere]));
    expect(prior.map(({ id, at, collection }) => ({ id, at, collection }))).toEqual([
      { id: EVERYONE, at: 1, collection: "/api/v1/groups" },
      { id: KEPT_POLICY, at: 1, collection: "/api/v1/policies" },
    ]);
  });

  it("leaves alone what the cassette made, takes what a search found, and knows a never-shown policy by its rules' type", () => {
    const unseenPolicy = "rsttqnoz5vo4GIoAD1d7";
    const madeGroup = "00gmadebythetest0001";
    const leftoverUser = "00uvo7s8abwP37lV81d7";
    const leftover = { id: leftoverUser, profile: { login: "left@example.com" } };
    const cassette = [
      { request: { method: "POST", url: `${ORG}/api/v1/groups`, body: "{}" }, response: { code: 200, body: JSON.stringify({ id: madeGroup }) } },
      get(`/api/v1/users?search=profile.login+eq+"left@example.com"`, [leftover]),
      {
        request: { method: "POST", url: `${ORG}/api/v1/policies/${unseenPolicy}/rules`, body: JSON.stringify({ type: "ACCESS_POLICY", groups: [madeGroup], users: [leftoverUser] }) },
        response: { code: 200, body: JSON.stringify({ id: NEW_RULE }) },
      },
    ];
    const prior = preexistingObjects(cassette, recordedObjects([cassette]));
    expect(prior).toEqual([
      { id: unseenPolicy, at: 2, collection: "/api/v1/policies", recorded: expect.objectContaining({ type: "ACCESS_POLICY" }) },
      { id: leftoverUser, at: 2, collection: "/api/v1/users", recorded: leftover },
    ]);
  });
});
