import { createRouter, createWebHashHistory } from 'vue-router'
import NationalView from './views/NationalView.vue'
import ProvinceView from './views/ProvinceView.vue'

// The two first views load with the app; the others when first opened.
const CountyView = () => import('./views/CountyView.vue')
const RollupView = () => import('./views/RollupView.vue')
const RulesView = () => import('./views/RulesView.vue')

// Hash history: any static server can host the site without rewrite rules.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'national', component: NationalView },
    { path: '/province/:province', name: 'province', component: ProvinceView },
    { path: '/province/:province/problems', name: 'rollup', component: RollupView },
    { path: '/county/:code', name: 'county', component: CountyView },
    { path: '/rules', name: 'rules', component: RulesView },
    // The import brings its worker, Excel reader and forms along; only users who open it pay for them.
    { path: '/import', name: 'import', component: () => import('./views/ImportView.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})
