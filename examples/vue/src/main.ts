import { createApp } from 'vue';
import 'lede-elements/lede.css';
import App from './App.vue';

createApp(App).mount('#app');
