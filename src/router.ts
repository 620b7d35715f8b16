import { createRouter, createWebHashHistory } from 'vue-router'
import NationalView from './views/NationalView.vue'
import ProvinceView from './views/ProvinceView.vue'
import CountyView from './views/CountyView.vue'

// Hash history: any static server can host the site without rewrite rules.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'national', component: NationalView },
    { path: '/province/:province', name: 'province', component: ProvinceView },
    { path: '/county/:code', name: 'county', component: CountyView },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})
