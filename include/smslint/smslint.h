// File: smslint/smslint.h
//
// Umbrella header: everything a C++ user of libsmslint needs.
//
//   #include <smslint/smslint.h>
//   const smslint::Linter linter;
//   smslint::Message m;
//   m.body = "Hi";
//   std::string json = smslint::ReportToJson(linter.Lint(m));
#ifndef SMSLINT_SMSLINT_H_
#define SMSLINT_SMSLINT_H_

#include "smslint/config.h"
#include "smslint/diagnostic.h"
#include "smslint/linter.h"
#include "smslint/message.h"
#include "smslint/numbers.h"
#include "smslint/parse.h"
#include "smslint/report.h"
#include "smslint/rules.h"
#include "smslint/segments.h"
#include "smslint/version.h"

#endif  // SMSLINT_SMSLINT_H_
