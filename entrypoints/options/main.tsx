import { render } from 'preact';
import { OptionsApp } from './app';
import '@/src/ui/parents.css';

render(<OptionsApp />, document.getElementById('app')!);
