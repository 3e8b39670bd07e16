/**
 * Import rules (`npm run lint:deps`): the models are a one-way pipeline, each stage importing only
 * from the stages before it in STAGES (stages in one entry sit side by side and may not import
 * each other); the page's code (src/) is reached by nothing below it.
 */
const STAGES = [['core'], ['random'], ['scenario', 'region'], ['params'], ['define'], ['simulation'], ['finance'], ['summary'], ['pipeline'], ['analysis'], ['runner']];

const stageRules = STAGES.flatMap((group, i) => {
  const later = STAGES.slice(i + 1).flat();
  return group.map((stage) => {
    const forbidden = [...later, ...group.filter((g) => g !== stage)];
    return {
      name: `stage-${stage}`,
      comment: `models/${stage}/ imports only from the stages before it: ${STAGES.slice(0, i).flat().join(', ') || '(none)'}`,
      severity: 'error',
      from: { path: `^models/${stage}/` },
      to: { path: `^models/(${forbidden.join('|')})/` },
    };
  });
});

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'No import circles anywhere.', severity: 'error', from: {}, to: { circular: true } },
    { name: 'models-not-app', comment: 'The models import nothing from the page or the workers.', severity: 'error', from: { path: '^models/' }, to: { path: '^(src|workers)/' } },
    { name: 'workers-not-app', comment: "The workers import nothing from the page's code.", severity: 'error', from: { path: '^workers/' }, to: { path: '^src/' } },
    ...stageRules,
    {
      name: 'tests-mirror-sources',
      comment: "test/<stage>/ tests models/<stage>/ and reaches nothing of the page's code; tests of src/ live in test/src/.",
      severity: 'error',
      from: { path: `^test/(${STAGES.flat().join('|')})/` },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
