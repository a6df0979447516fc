#!/bin/sh
# npm test: the type-check, the unit and golden tests, and the browser tests (which build
# their own bundles). Every part runs even when one before it failed, so a failing unit
# test never hides the state of the browser tests; the last line names what failed.
failed=""
npm run -s typecheck || failed="$failed typecheck"
npm run -s test:unit || failed="$failed unit"
npm run -s test:e2e || failed="$failed e2e"
if [ -n "$failed" ]; then
  echo "npm test failed:$failed"
  exit 1
fi
echo "npm test passed: typecheck, unit, e2e"
