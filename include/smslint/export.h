// File: smslint/export.h
//
// SMSLINT_API marks the declarations that libsmslint exports. Everything
// else in the shared library is hidden (gnu_symbol_visibility: 'hidden').
#ifndef SMSLINT_EXPORT_H_
#define SMSLINT_EXPORT_H_

#if defined(SMSLINT_BUILDING_LIBRARY)
#define SMSLINT_API __attribute__((visibility("default")))
#else
#define SMSLINT_API
#endif

#endif  // SMSLINT_EXPORT_H_
