// Providers every spec gets (angular.json: test.options.providersFile): English translations, so
// that specs can look for the words a user reads. (The build configuration "test" loads the JIT
// compiler as a polyfill: this file is evaluated before TestBed's own imports would load it, and
// the partially compiled packages it imports need it.)
import { provideI18nTesting } from './testing/i18n-testing';

export default [provideI18nTesting('en')];
