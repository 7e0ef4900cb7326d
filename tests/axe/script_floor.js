/*
 * The reader scripts against the oldest browsers the site supports (theme/README.md,
 * "Supported browsers": Safari and iOS 15.1, Chromium 96, Firefox 79, the oldest that
 * run Pagefind's search).
 * Usage: node script_floor.js FILE[:module] ... ; prints a JSON list of what is above
 * that floor, [{file, line, column, what}], empty when nothing is; exit 0 either way
 * (exit 2 when a file cannot be read).
 *
 * - Syntax: acorn at ecmaVersion 2021 (ES2022's class fields, #private names, static
 *   blocks, top-level await and the regular expressions' d flag, ES2024's v flag are
 *   refused: Firefox 79 has none of them, Safari 15 not the static blocks). A syntax error
 *   is the worst case: the browser runs none of the script.
 * - Regular expressions: acorn checks a literal's syntax at that level, but a lookbehind,
 *   (?<=…) or (?<!…), is ES2018 and Safari parses it only from 16.4; a literal with one
 *   is a SyntaxError there that stops the whole script. So every literal, and every
 *   RegExp(…) or new RegExp(…) whose pattern is a string or a template (its ${…} parts
 *   taken as "x"), is read for a lookbehind, and those patterns are checked as literals.
 * - Built-ins newer than the floor, called by name (ABOVE): a TypeError where they are
 *   missing, on the path that calls them.
 */
"use strict";

const fs = require("fs");
const acorn = require("acorn");

const ECMA_VERSION = 2021;
// Member names and globals above the floor: first version in Safari / Chromium / Firefox.
const ABOVE = {
  at: "Array/String.prototype.at (Safari 15.4, Firefox 90)",
  findLast: "Array.prototype.findLast (Safari 15.4, Chromium 97, Firefox 104)",
  findLastIndex: "Array.prototype.findLastIndex (Safari 15.4, Chromium 97, Firefox 104)",
  hasOwn: "Object.hasOwn (Safari 15.4, Firefox 92)",
  structuredClone: "structuredClone (Safari 15.4, Chromium 98, Firefox 94)",
  toSorted: "Array.prototype.toSorted (Safari 16, Chromium 110, Firefox 115)",
  toReversed: "Array.prototype.toReversed (Safari 16, Chromium 110, Firefox 115)",
  toSpliced: "Array.prototype.toSpliced (Safari 16, Chromium 110, Firefox 115)",
  groupBy: "Object/Map.groupBy (Safari 17.4, Chromium 117, Firefox 119)",
  withResolvers: "Promise.withResolvers (Safari 17.4, Chromium 119, Firefox 121)",
  fromAsync: "Array.fromAsync (Safari 16.4, Chromium 121, Firefox 115)",
  isWellFormed: "String.prototype.isWellFormed (Safari 16.4, Chromium 111, Firefox 119)",
  toWellFormed: "String.prototype.toWellFormed (Safari 16.4, Chromium 111, Firefox 119)",
  canParse: "URL.canParse (Safari 17, Chromium 120, Firefox 115)",
};
const GLOBALS = new Set(["structuredClone"]); // called by name, not as a member

function lookbehind(pattern) {
  // skip escapes and character classes; "(?<name>" is a named group (ES2018, Safari 11.1)
  for (let at = 0, inClass = false; at < pattern.length; at += 1) {
    const char = pattern[at];
    if (char === "\\") at += 1;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (pattern.startsWith("(?<=", at) || pattern.startsWith("(?<!", at)) return true;
  }
  return false;
}

function check(file, sourceType) {
  const source = fs.readFileSync(file, "utf8");
  const problems = [];
  const report = (node, what) => {
    const { line, column } = acorn.getLineInfo(source, node.start);
    problems.push({ file, line, column: column + 1, what });
  };
  let ast;
  try {
    ast = acorn.parse(source, { ecmaVersion: ECMA_VERSION, sourceType, locations: false });
  } catch (error) {
    const { line, column } = error.loc || { line: 0, column: 0 };
    problems.push({ file, line, column: column + 1,
      what: `syntax above ES${ECMA_VERSION}: ${error.message}` });
    return problems;
  }
  const noLookbehind = (node, pattern) => {
    if (lookbehind(pattern)) {
      report(node, `regular-expression lookbehind (Safari 16.4): /${pattern}/`);
    }
  };
  // a RegExp(…)'s pattern, checked as a literal would be (its unescaped / escaped)
  const regex = (node, pattern, flags) => {
    noLookbehind(node, pattern);
    const literal = `/${pattern.replace(/(\\.)|\//g, (all, escape) => escape || "\\/")}/${flags}`;
    try {
      acorn.parseExpressionAt(literal, 0, { ecmaVersion: ECMA_VERSION });
    } catch (error) {
      report(node, `regular expression above ES${ECMA_VERSION}: ${error.message}: ${literal}`);
    }
  };
  const text = (node) => {
    if (!node) return "";
    if (node.type === "Literal" && typeof node.value === "string") return node.value;
    if (node.type === "TemplateLiteral") return node.quasis.map((q) => q.value.cooked).join("x");
    return null;
  };
  (function walk(node) {
    if (!node || typeof node.type !== "string") return;
    if (node.type === "Literal" && node.regex) {
      noLookbehind(node, node.regex.pattern);
    } else if ((node.type === "NewExpression" || node.type === "CallExpression")
      && node.callee.type === "Identifier" && node.callee.name === "RegExp") {
      const pattern = text(node.arguments[0]);
      const flags = text(node.arguments[1]);
      if (pattern !== null && flags !== null) regex(node, pattern, flags);
    } else if (node.type === "MemberExpression" && !node.computed
      && Object.hasOwnProperty.call(ABOVE, node.property.name)) {
      report(node.property, ABOVE[node.property.name]);
    } else if (node.type === "Identifier" && GLOBALS.has(node.name)) {
      report(node, ABOVE[node.name]);
    }
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value.type === "string") walk(value);
    }
  })(ast);
  return problems;
}

const problems = [];
for (const argument of process.argv.slice(2)) {
  const [file, kind] = argument.endsWith(":module")
    ? [argument.slice(0, -":module".length), "module"] : [argument, "script"];
  try {
    problems.push(...check(file, kind));
  } catch (error) {
    process.stderr.write(`${file}: ${error.message}\n`);
    process.exit(2);
  }
}
process.stdout.write(JSON.stringify(problems));
