import { Link } from 'react-router-dom';
import { PageHeading } from '../components/ui';

export default function NotFoundPage() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>
        There is nothing here. <Link to="/">Back to the shop</Link>
      </p>
    </>
  );
}
