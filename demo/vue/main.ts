// Vue 3 example: registers the elements, then mounts the app (App.vue).
import 'lead-kanban';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#root');
