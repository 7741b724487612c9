import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import './styles/theme.css';
import './styles/base.css';
import App from './App.vue';
import { i18n } from './locales';
import { createAppRouter } from './router';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);
app.use(ElementPlus);
app.use(createAppRouter(pinia));
app.mount('#app');
