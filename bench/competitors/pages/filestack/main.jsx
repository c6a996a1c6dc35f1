// filestack-js opens its picker inline. The picker's UI is not in the package: `open()` loads it
// from static.filestackapi.com, which the bench blocks and reports (it is not on this machine).
import * as filestack from 'filestack-js';

// A placeholder key: nothing here reaches Filestack.
filestack.init('BENCH_PLACEHOLDER_KEY').picker({ displayMode: 'inline', container: '#host', onUploadDone: (result) => console.log(result) }).open();
