/** Written by the build (vite.config.ts, `verificationReport`): a `VerificationReport`. */
declare module 'virtual:verification' {
  const report: unknown;
  export default report;
}
