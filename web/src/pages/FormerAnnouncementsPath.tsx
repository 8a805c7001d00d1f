import { Navigate, useParams } from 'react-router';

/**
 * Announcements are the registry kind `announcement`: the former pages' addresses (bookmarks,
 * old e-mails) lead to the registry's list and record pages (`?networkId=` becomes no filter).
 */
export function FormerAnnouncementsPath() {
  const { id } = useParams();
  return <Navigate to={id ? `/registry/announcement/${id}` : '/registry/announcement'} replace />;
}
