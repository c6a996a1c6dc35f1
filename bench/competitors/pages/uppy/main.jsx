// Uppy's dashboard inline with its image editor, styles included, as Uppy's docs set them up.
import Uppy from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import ImageEditor from '@uppy/image-editor';
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
import '@uppy/image-editor/css/style.min.css';

new Uppy().use(Dashboard, { inline: true, target: '#host', height: '100%' }).use(ImageEditor, { target: Dashboard });
