// Converts a feature file of the old end-to-end runner (test/e2e/features/NAME.e2e.ts, a default
// export `async (env) => { …; await env.h.check(title, fn); … }`) into a Playwright spec
// (test/e2e/specs/NAME.spec.ts): `npx tsx tools/e2eToPlaywright.ts test/e2e/features/NAME.e2e.ts`.
//
// The feature's body becomes a `test.describe.serial`: each check a `test(title, fn)`; what ran
// before the first check the `beforeAll`; what ran between two checks the start of the next test;
// what ran after the last one the `afterAll`. Variables those parts declare are declared at the
// describe's level (typed as the checker infers them) and assigned where they were. A loop, block
// or `try … finally` that holds checks becomes a nested serial describe (the loop runs when the
// tests are declared, so its head must not use what the tests compute; `finally` goes to the
// afterAll). Anything else holding a check — a check inside a helper function, an `if` on a value
// only known while running — is reported and left to be converted by hand.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const file = resolve(process.argv[2] ?? '');
const out = process.argv[3] ? resolve(process.argv[3]) : join(dirname(file), '..', 'specs', basename(file).replace(/\.e2e\.ts$/, '.spec.ts'));
const program = ts.createProgram([file], {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  skipLibCheck: true,
  jsx: ts.JsxEmit.Preserve,
});
const checker = program.getTypeChecker();
const sf = program.getSourceFile(file)!;
const text = sf.getFullText();
const problems: string[] = [];
const where = (n: ts.Node) => `${basename(file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;

const isCheckCall = (n: ts.Node): n is ts.CallExpression =>
  ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'check' && /^(env\.)?h$/.test(n.expression.expression.getText());
const hasCheck = (n: ts.Node): boolean => isCheckCall(n) || (ts.forEachChild(n, (c) => (hasCheck(c) ? true : undefined)) ?? false);
/** Source text with its leading comments. */
const full = (n: ts.Node) => text.slice(n.getFullStart(), n.getEnd()).replace(/^\s*\n/, '\n');

/** The statement `await env.h.check(title, fn)` or `env.h.check(...)`, if it is one. */
function checkOf(s: ts.Statement): ts.CallExpression | null {
  if (!ts.isExpressionStatement(s)) return null;
  const e = ts.isAwaitExpression(s.expression) ? s.expression.expression : s.expression;
  return isCheckCall(e) ? e : null;
}

/** `await helper(env)` where the helper is a sub-feature: its name. */
function subCall(s: ts.Statement): string | null {
  if (!ts.isExpressionStatement(s)) return null;
  const e = ts.isAwaitExpression(s.expression) ? s.expression.expression : s.expression;
  return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && subNames.has(e.expression.text) ? e.expression.text : null;
}

/** Names a declaration binds. */
function names(b: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(b)) return [b];
  return b.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : names(e.name)));
}
/** Type imports the hoisted declarations need that the file does not have: name → module. */
const typeImports = new Map<string, string>();
function needImports(t: ts.Type, at: ts.Node, seen = new Set<ts.Type>()): void {
  if (seen.has(t)) return;
  seen.add(t);
  const sym = t.aliasSymbol ?? t.getSymbol();
  const decl = sym?.declarations?.[0];
  if (sym && decl && !/^__/.test(sym.name) && !checker.resolveName(sym.name, at, ts.SymbolFlags.Type, false)) {
    const from = decl.getSourceFile().fileName;
    const mod = /node_modules\/(playwright|playwright-core|@playwright)\//.test(from)
      ? '@playwright/test'
      : relative(dirname(out), from)
          .replace(/\.tsx?$/, '')
          .replace(/^(?!\.)/, './');
    if (!from.includes('/typescript/lib/')) typeImports.set(sym.name, mod);
  }
  if (t.isUnion() || t.isIntersection()) t.types.forEach((u) => needImports(u, at, seen));
  (t.aliasTypeArguments ?? []).forEach((u) => needImports(u, at, seen));
  if (!t.aliasSymbol && t.getSymbol()?.flags === ts.SymbolFlags.TypeLiteral) t.getProperties().forEach((p) => needImports(checker.getTypeOfSymbolAtLocation(p, at), at, seen));
}
const typeText = (id: ts.Identifier) => {
  const t = checker.getTypeAtLocation(id);
  needImports(t, id);
  return checker.typeToString(t, id, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
};
/** Kept as written at the describe's level: functions and plain literal data. */
const isStatic = (e: ts.Expression): boolean =>
  ts.isArrowFunction(e) ||
  ts.isFunctionExpression(e) ||
  ts.isStringLiteral(e) ||
  ts.isNumericLiteral(e) ||
  ts.isNoSubstitutionTemplateLiteral(e) ||
  e.kind === ts.SyntaxKind.NullKeyword ||
  e.kind === ts.SyntaxKind.TrueKeyword ||
  e.kind === ts.SyntaxKind.FalseKeyword ||
  (ts.isAsExpression(e) && isStatic(e.expression)) ||
  (ts.isArrayLiteralExpression(e) && e.elements.every(isStatic)) ||
  (ts.isObjectLiteralExpression(e) && e.properties.every((p) => ts.isPropertyAssignment(p) && isStatic(p.initializer)));

/** Names declared at a describe's level and assigned while the tests run (unknown when they are declared). */
const hoisted = new Set<string>();
const usesHoisted = (e: ts.Node): boolean => (ts.isIdentifier(e) && hoisted.has(e.text)) || (ts.forEachChild(e, (c) => (usesHoisted(c) ? true : undefined)) ?? false);

/** Converts a run of statements into the body of a serial describe. */
function block(stmts: readonly ts.Statement[], finallyText = ''): string {
  const decls: string[] = [];
  const parts: { kind: 'test' | 'describe'; head?: string; text: string; prefix: string; raw?: string }[] = [];
  let pending = '';
  const before: string[] = [];
  for (const s of stmts) {
    const sub = subCall(s);
    if (sub) {
      parts.push({ kind: 'describe', text: '', prefix: pending, raw: `${sub}();\n` });
      pending = '';
      continue;
    }
    const c = checkOf(s);
    if (c) {
      const [title, fn] = c.arguments;
      let body = fn.getText();
      parts.push({ kind: 'test', head: title.getText(), text: body, prefix: pending });
      pending = '';
      continue;
    }
    if (hasCheck(s)) {
      if (ts.isBlock(s)) parts.push({ kind: 'describe', text: block(s.statements), prefix: pending });
      else if (ts.isForOfStatement(s) || ts.isForStatement(s) || ts.isForInStatement(s)) {
        const head = text.slice(s.getStart(), s.statement.getStart());
        const inner = ts.isBlock(s.statement) ? s.statement.statements : [s.statement];
        parts.push({ kind: 'describe', head, text: block(inner), prefix: pending });
      } else if (ts.isIfStatement(s) && !usesHoisted(s.expression)) {
        const branch = (b: ts.Statement) => `test.describe.serial(() => {\n${block(ts.isBlock(b) ? b.statements : [b])}});\n`;
        const text = `if (${s.expression.getText()}) ${branch(s.thenStatement)}${s.elseStatement ? `else ${branch(s.elseStatement)}` : ''}`;
        parts.push({ kind: 'describe', head: '', text: '', prefix: pending, raw: text });
      } else if (ts.isTryStatement(s) && !s.catchClause)
        parts.push({ kind: 'describe', text: block(s.tryBlock.statements, s.finallyBlock ? s.finallyBlock.statements.map(full).join('') : ''), prefix: pending });
      else {
        problems.push(`${where(s)}: a check inside ${ts.SyntaxKind[s.kind]}: convert by hand`);
        parts.push({ kind: 'describe', text: `/* TODO by hand */ ${full(s)}`, prefix: pending });
      }
      pending = '';
      continue;
    }
    if (ts.isFunctionDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) {
      decls.push(full(s));
      continue;
    }
    // The old harness (`const { h } = env`) is gone: checks are tests.
    if (ts.isVariableStatement(s) && /^const \{ h \} = env;$/.test(s.getText())) continue;
    if (ts.isVariableStatement(s)) {
      const list = s.declarationList;
      const kept = list.declarations.every((d) => d.initializer && isStatic(d.initializer)) || list.declarations.every((d) => !d.initializer);
      if (kept) {
        decls.push(full(s));
        continue;
      }
      const assigns: string[] = [];
      for (const d of list.declarations) {
        for (const id of names(d.name)) hoisted.add(id.text);
        for (const id of names(d.name)) decls.push(`let ${id.text}: ${ts.isIdentifier(d.name) && d.type ? d.type.getText() : typeText(id)};`);
        if (d.initializer) assigns.push(ts.isIdentifier(d.name) ? `${d.name.text} = ${d.initializer.getText()};` : `(${d.name.getText()} = ${d.initializer.getText()});`);
      }
      const lead = text.slice(s.getFullStart(), s.getStart());
      pending += lead + assigns.join('\n');
      continue;
    }
    pending += full(s);
  }
  // What ran before the first check is the describe's set-up.
  const first = parts[0];
  if (first && first.prefix.trim()) {
    before.push(first.prefix);
    first.prefix = '';
  }
  let o = decls.join('\n') + '\n';
  if (before.length) o += `test.beforeAll(async () => {${before.join('')}\n});\n`;
  for (const p of parts) {
    if (p.kind === 'test') {
      const fn = p.text.replace(/^(async\s*)?\(\s*\)\s*=>\s*/, '');
      const body = fn.startsWith('{') ? fn.slice(1, -1) : `\nawait ${fn};\n`;
      o += `test(${p.head}, async () => {${p.prefix}${body}});\n`;
    } else {
      // A beforeAll runs before every test of its describe wherever it is written: what ran
      // between the previous check and this part gets a describe of its own around the part.
      const inner = p.raw ?? `${p.head ?? ''}test.describe.serial(() => {\n${p.text}});\n`;
      o += p.prefix.trim() ? `test.describe.serial(() => {\ntest.beforeAll(async () => {${p.prefix}\n});\n${inner}});\n` : inner;
    }
  }
  if (pending.trim() || finallyText.trim()) o += `test.afterAll(async () => {${pending}${finallyText}\n});\n`;
  return o;
}

/** Other functions built like the feature itself (only `env` as parameter): each becomes a function that declares a serial describe. */
const subFeatures = sf.statements.filter(
  (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && !!s.name && !!s.body && hasCheck(s) && s.parameters.length === 1 && s.parameters[0].name.getText() === 'env',
);
const subNames = new Set(subFeatures.map((f) => f.name!.text));
const feature = sf.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && !!s.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword));
if (!feature?.body) throw new Error(`${file}: no default-exported feature function`);
for (const s of sf.statements)
  if (s !== feature && !subFeatures.includes(s as ts.FunctionDeclaration) && hasCheck(s)) problems.push(`${where(s)}: a check outside the feature function: convert by hand`);

const title = basename(file).replace(/\.e2e\.ts$/, '');
let head = sf.statements
  .filter((s) => s !== feature)
  .map((s) =>
    subFeatures.includes(s as ts.FunctionDeclaration)
      ? `${text.slice(s.getFullStart(), s.getStart())}function ${(s as ts.FunctionDeclaration).name!.text}(): void {\ntest.describe.serial(() => {\n${block((s as ts.FunctionDeclaration).body!.statements)}});\n}\n`
      : full(s),
  )
  .join('')
  .replace(/^(import type \{[^}]*\} from )'\.\.\/env';$/m, (m, i) =>
    /\bE2EEnv\b/.test(
      sf.statements
        .filter((x) => x !== feature)
        .map((x) => x.getText())
        .join('\n')
        .replace(/^import.*$/gm, ''),
    )
      ? `${i}'../fixtures';`
      : '',
  )
  .replace(/'playwright-core'/g, "'@playwright/test'");
const jsdoc = text.slice(feature.getFullStart(), feature.getStart());
const body = block(feature.body.statements);
const byModule = new Map<string, string[]>();
for (const [name, mod] of typeImports) byModule.set(mod, [...(byModule.get(mod) ?? []), name]);
for (const [mod, ns] of byModule) head = `import type { ${ns.join(', ')} } from '${mod}';\n` + head;
if (/from '\.\/[^']*\.e2e'/.test(head)) problems.push(`${basename(file)}: imports another feature file: move what it shares to a module in test/e2e/`);
const spec = `import { env, test } from '../fixtures';\n${head}${jsdoc}test.describe.serial('${title}', () => {\n${body}});\n`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, spec);
console.log(`${file} → ${out}`);
for (const p of problems) console.log(`  by hand: ${p}`);
process.exitCode = problems.length ? 2 : 0;
