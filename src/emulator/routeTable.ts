/**
 * One row of a surface's route table. `path` is the pattern the docs print: literal segments, and
 * `{name}` for one segment of any value, or `{name:a|b}` for one of the listed values. Each surface
 * calls its handlers its own way, with the placeholders' values in the order they appear.
 */
export interface Route<Handler> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  handle: Handler;
  description: string;
}

/** The first row whose path and method fit; `pathKnown` when a row's path fits with another method. */
export type RouteLookup<Handler> = { route: Route<Handler>; params: string[] } | { pathKnown: boolean };

const PLACEHOLDER = /^\{([A-Za-z]+)(?::([A-Za-z|]+))?\}$/;

/** Compiles each table once; rows are tried in table order, so a literal row goes before a `{name}` one. */
export function routeMatcher<Handler>(routes: readonly Route<Handler>[]): (method: string, path: string) => RouteLookup<Handler> {
  const compiled = routes.map((route) => ({ route, pattern: compile(route.path) }));
  return (method, path) => {
    let pathKnown = false;
    for (const { route, pattern } of compiled) {
      const match = pattern.exec(path);
      if (!match) continue;
      if (route.method === method) return { route, params: match.slice(1) };
      pathKnown = true;
    }
    return { pathKnown };
  };
}

function compile(path: string): RegExp {
  const segments = path.split("/").map((segment) => {
    const placeholder = PLACEHOLDER.exec(segment);
    if (!placeholder) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return placeholder[2] ? `(${placeholder[2]})` : "([^/]+)";
  });
  return new RegExp(`^${segments.join("/")}$`);
}
