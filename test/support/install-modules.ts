import '../../src/modules.js';
