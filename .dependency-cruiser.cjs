/**
 * The project's layering, checked by `npm run depcheck` (dependency-cruiser) in CI. Folders are
 * listed bottom up: a folder may import its own layer's siblings' lower layers only, never one
 * above it, and no module may take part in an import cycle. The emulator stands alone on top of
 * the shared layer: it may import nothing of the program's side and no Pulumi package.
 */
const LAYERS = [
  ["src/okta", "src/http", "src/catalogue"],
  ["src/model"],
  ["src/config"],
  ["src/orgSettings"],
  ["components"],
  ["src/program\\.ts", "src/evaluate"],
  ["src/emulator", "src/provision", "src/smoke", "src/plan", "src/adopt"],
  ["src/start", "src/e2e"],
  ["src/cli", "index\\.ts"],
];

const folder = (paths) => `^(${paths.join("|")})(/|$)`;

const upward = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `no-upward-import-from-${layer.join("+").replace(/\\\./g, ".")}`,
  comment: "a lower layer must not depend on a higher one",
  severity: "error",
  from: { path: folder(layer) },
  to: { path: folder(LAYERS.slice(index + 1).flat()) },
}));

/** Side by side in one layer, these do not import each other. */
const SIBLINGS_APART = ["src/okta", "src/http", "src/emulator", "src/provision", "src/smoke", "src/plan", "src/adopt"];
const apart = SIBLINGS_APART.map((path) => {
  const layer = LAYERS.find((l) => l.includes(path));
  return {
    name: `no-sideways-import-from-${path}`,
    comment: "these folders share a layer but not code",
    severity: "error",
    from: { path: folder([path]) },
    to: { path: folder(layer.filter((other) => other !== path)) },
  };
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "an import cycle ties modules together that should be read and tested one at a time",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...upward,
    ...apart,
    {
      name: "shared-layer-imports-nothing-of-ours",
      comment: "src/okta and src/http are shared by the program and the emulator",
      severity: "error",
      from: { path: folder(["src/okta", "src/http"]) },
      to: { path: "^(src|components|index\\.ts)", pathNot: folder(["src/okta", "src/http"]) },
    },
    {
      name: "emulator-stands-alone",
      comment: "the emulator loads without Pulumi and without the program's side (docs/okta-emulator.md)",
      severity: "error",
      from: { path: folder(["src/emulator"]) },
      to: {
        path: ["^(src|components|index\\.ts)", "node_modules/@pulumi/"],
        pathNot: folder(["src/emulator", "src/okta", "src/http", "src/catalogue"]),
      },
    },
  ],
  options: {
    tsConfig: { fileName: "tsconfig.json" },
    // Type-only imports count: the layering is about what a module knows, not only what it loads.
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
  },
};
